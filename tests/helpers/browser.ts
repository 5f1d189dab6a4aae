// The browser lookup is the bench's too: it lives with the tools.
export * from '../../tools/browser/chromium.ts';
