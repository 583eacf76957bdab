import {defineConfig} from 'vitest/config';

export default defineConfig({
	esbuild: {jsx: 'automatic'},
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
});
