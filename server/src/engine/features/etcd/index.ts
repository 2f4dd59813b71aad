export { ciliumEtcdClusterWritable, ciliumEtcdEdits, insertCiliumEtcd, type InsertCiliumEtcdResult } from './insertCiliumEtcd';
export { ciliumEtcdOffer, ciliumEtcdTouches } from './etcdOffer';
