// A browser step that times out once on a loaded machine gets one more try; the first error is still printed.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
