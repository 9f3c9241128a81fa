{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "qo8PACi6UOWLho6b4o4lIjP8g5sPcWKR5CzGAhS4q/EN7D7fn7HdEWkhey8FcX++QFk9GBOTf8Qbgq6BzqYNDQ==",
  "size": 196665,
  "sha256": "fcd9fed79f61d78a381bf07e9ef97bd24e56b82f00f7240a51f533b7f392012a"
}
