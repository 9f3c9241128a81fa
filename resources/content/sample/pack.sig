{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "prW+Xt3bJhWnCVfPO8bzn3b/lu4EiqVFW/IBHgOwfcEhNBsZSEFzaAsS1W+YlAsL1qhvCuhFrTMEZXwPc3NgCw==",
  "size": 178785,
  "sha256": "9178ce4d90692d48b9448c9f317915ab6d6b7f6e248490921ea1b7e313082bfc"
}
