// natural ships no types for its submodules. We import them one by one, because its index loads database clients and
// dotenv (which prints banners) and does not bundle for the browser; these are the only ones the pipeline uses.
declare module "natural/lib/natural/distance/jaro-winkler_distance.js" {
  export default function jaroWinkler(a: string, b: string, options?: { ignoreCase?: boolean }): number;
}

declare module "natural/lib/natural/phonetics/double_metaphone.js" {
  export default class DoubleMetaphone {
    process(token: string, maxLength?: number): [string, string];
    compare(a: string, b: string): boolean;
  }
}

declare module "natural/lib/natural/stemmers/porter_stemmer.js" {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module "natural/lib/natural/tokenizers/regexp_tokenizer.js" {
  interface RegexpTokenizerInstance {
    tokenize(text: string): string[] | null;
  }
  const tokenizers: { RegexpTokenizer: new (options: { pattern: RegExp; gaps?: boolean }) => RegexpTokenizerInstance };
  export default tokenizers;
}

declare module "natural/lib/natural/util/stopwords.js" {
  const stopwords: { words: string[] };
  export default stopwords;
}
