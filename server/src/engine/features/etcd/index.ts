export { ciliumEtcdEdits, insertCiliumEtcd, type InsertCiliumEtcdResult } from './insertCiliumEtcd';
