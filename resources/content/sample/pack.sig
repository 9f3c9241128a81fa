{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "dZ9r2pTRyZSypnzSv8ip/ojK2Cj36R0DnTR6t5osu1dNUbR+yeYmoEHiYv+ElPkL6LqHoB3SXPf5hfxoY9+DBA==",
  "size": 136323,
  "sha256": "ddab889ca0937aed201e77f274b78b730a2e0ab4a22ce7243489c9bde7a374ae"
}
