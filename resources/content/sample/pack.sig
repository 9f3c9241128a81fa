{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "8vTb1MIzoUWDmtnjYAvoYkiQydj0nm87wNt6TgNKZFavib6VCPjxTruQTuR0hhrZe/Z6bKnRZG3BGfBpWFTNDQ==",
  "size": 10799,
  "sha256": "47c818bd016b209fda57ef9384caff258eb35c44566b21ad6a6184dc2804e5ca"
}
