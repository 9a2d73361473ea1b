// Tests run quietly and never read the developer's .data secrets.
process.env.LOG_LEVEL ??= 'silent';
process.env.NODE_ENV = 'test';
