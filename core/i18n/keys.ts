// Dotted keys of the source dictionary (zh-CN), so that a key used in code that does not exist
// in the dictionary is a type error.
import type { zhCN } from './zh-CN';

type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? Join<P, K> : Paths<T[K], Join<P, K>>;
}[keyof T & string];

export type MessageKey = Paths<typeof zhCN>;

/** The shape every translation must have: the same keys as zh-CN, strings at the leaves. */
export type Messages<T = typeof zhCN> = {
  [K in keyof T]: T[K] extends string ? string : Messages<T[K]>;
};
