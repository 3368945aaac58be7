/**
 * Model prices in US dollars per one million tokens (OpenAI list prices for
 * standard, non-batch use). Embedding models bill input only. Update by hand
 * when prices change; a model missing here costs 0 and is flagged in reports.
 */

export interface ModelPrice {
  inputUsdPerMillion: number;
  outputUsdPerMillion: number;
}

export type PriceTable = Readonly<Record<string, ModelPrice>>;

export const MODEL_PRICES: PriceTable = {
  "gpt-4o-mini": { inputUsdPerMillion: 0.15, outputUsdPerMillion: 0.6 },
  "gpt-4o": { inputUsdPerMillion: 2.5, outputUsdPerMillion: 10 },
  "gpt-4.1": { inputUsdPerMillion: 2, outputUsdPerMillion: 8 },
  "gpt-4.1-mini": { inputUsdPerMillion: 0.4, outputUsdPerMillion: 1.6 },
  "gpt-4.1-nano": { inputUsdPerMillion: 0.1, outputUsdPerMillion: 0.4 },
  "text-embedding-3-small": { inputUsdPerMillion: 0.02, outputUsdPerMillion: 0 },
  "text-embedding-3-large": { inputUsdPerMillion: 0.13, outputUsdPerMillion: 0 },
};

/**
 * The price of `model`, matching dated snapshots ("gpt-4o-mini-2024-07-18") by
 * the longest listed prefix. Undefined when the model is not in the table.
 */
export function priceOf(model: string, table: PriceTable = MODEL_PRICES): ModelPrice | undefined {
  if (table[model]) return table[model];
  let best: string | undefined;
  for (const name of Object.keys(table)) {
    if (model.startsWith(`${name}-`) && (!best || name.length > best.length)) best = name;
  }
  return best ? table[best] : undefined;
}

/** Dollars for the given token counts; embedding tokens bill at the input price. */
export function costUsd(price: ModelPrice, tokens: { input: number; output: number; embedding: number }): number {
  const input = (tokens.input + tokens.embedding) * price.inputUsdPerMillion;
  return (input + tokens.output * price.outputUsdPerMillion) / 1_000_000;
}
