// The Ink host, as the bin loads it once its first frame is on screen (scripts/build/README.md).
export {inkReady} from './ink-ready.js';
export {runLocal} from './local.js';
export {warmUp} from './warm-up.js';
