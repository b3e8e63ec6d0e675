// The one definition lives in scripts/ so that plain Node scripts use it without transpiling.
export { chromiumLaunchOptions } from '../../scripts/lib/chromium.mjs'
