{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "7aDWsnZwl83CqB39etFfiAPASManzESOzQ3wx5ScmpowDPScJ8SjxEzPJqosRATWzUL9Ad0PLwUhEhV6Sar6AA==",
  "size": 296978,
  "sha256": "19212aa28971f21c8f4c8f8fb35f5fba5f1750070efa6a7fe673b87117452862"
}
