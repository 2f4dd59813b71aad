export { migrationAction } from './action';
