export * from './common';
export * from './errors';
export * from './org';
export * from './auth';
export * from './activity';
export * from './notification';
