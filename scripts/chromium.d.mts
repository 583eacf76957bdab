// Types for chromium.mjs.
import type {BrowserContext, LaunchOptions} from 'playwright-core';

export declare const chromiumPath: string;
export declare const chromiumFlags: readonly string[];
/** A fresh persistent context (its own profile directory) of Debian's Chromium. */
export declare function launchChromium(options?: Parameters<typeof import('playwright-core').chromium.launchPersistentContext>[1]): Promise<BrowserContext>;
export type {LaunchOptions};
