// Outlet simulator: local HTTP servers that behave like the outlets mediawatch crawls, for
// tests, the demo and benchmarks. See startSimulator.
export { startSimulator, DEFAULT_SEED } from './server.js';
export type {
  PublishedArticle,
  RealPage,
  SimArticle,
  SimKind,
  SimLang,
  SimOptions,
  SimRequest,
  Simulator,
} from './types.js';
