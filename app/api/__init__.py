"""The async VideoConduit API client. Imports no Qt and knows nothing of the sandbox.

Import from the modules themselves (app.api.client, .errors, .events, .models, .pacing): this
package imports nothing, so the window can use the models before its first paint without loading
the client (httpx)."""
