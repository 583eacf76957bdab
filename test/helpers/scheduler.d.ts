// React's scheduler (a dependency of Ink) ships no types; the frame log uses only these.
declare module 'scheduler' {
	export const unstable_IdlePriority: number;
	export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
