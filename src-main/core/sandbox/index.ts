export { clusterDirFor, knownSandboxPort, sandboxDatabase, sandboxDirFor, startSandbox, type SandboxServer, type SandboxStartOptions } from './sandboxServer';
export { findRunningCluster, type RunningCluster } from './runningCluster';
