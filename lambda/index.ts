// Placeholder while the handler is written; replaced in the same change.
export const handler = async () => ({ batchItemFailures: [] });
