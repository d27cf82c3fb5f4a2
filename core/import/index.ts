// Pure parsing and validation for importing case catalogues (案卷目录) and the evaluator pool
// (评查人员库). The services layer reads files into SourceRows; everything after that is here.
export * from './types';
export { problem, type ImportMessageKey } from './problem';
export * from './text';
export * from './dates';
export * from './amounts';
export * from './case-number';
export * from './csv';
export * from './vocab';
export * from './fields';
export * from './header';
export * from './rows';
