export { ciliumEtcdClusterWritable, ciliumEtcdEdits, insertCiliumEtcd, type InsertCiliumEtcdResult } from './insertCiliumEtcd';
