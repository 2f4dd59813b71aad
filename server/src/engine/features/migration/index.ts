export { migrationAction, type MigrationAction } from './action';
export { migrationGuide, migrationTopic, type MigrationTopic } from './guide';
