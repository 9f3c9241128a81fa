{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "uxfQuob/GD2eQBxydeE4cNOInIHYBg06lHFnLwbVEcPWdlksr11N6ovVZxINoNolaEMlBufOoKkmiWCWzqG5BQ==",
  "size": 195018,
  "sha256": "e30e5ff55fde9fe4ae1471d983d44f33ed381149bf31fe15adbb06b671b62b90"
}
