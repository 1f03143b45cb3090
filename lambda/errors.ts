/** The API key cannot be had until an operator acts (secret missing, empty, unreadable). */
export class ApiKeyUnavailableError extends Error {
  override name = 'ApiKeyUnavailableError';
}

/** The API key could not be read this time (throttling, an outage, a network error): try again later. */
export class ApiKeyTemporarilyUnavailableError extends Error {
  override name = 'ApiKeyTemporarilyUnavailableError';
}
