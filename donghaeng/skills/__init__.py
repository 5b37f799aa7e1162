"""Skills: one module per service domain. Each turns an intent + slots into a reply."""
