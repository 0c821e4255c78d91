// natural ships no types for its submodules; we import only these three (its index pulls in database clients).
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
