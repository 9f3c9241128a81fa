{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "ZKkw+ki2X5WO3dKZIXW5xTAwmB0PmlQnEqRAAuBwzfjijNfZ6tQVp5w3eJz0EoEyFDn1Ujf9jxRfd5+EFwAWAA==",
  "size": 180432,
  "sha256": "2f935aea41f66790289e673bd53fe1183caf70c5c4d7b7618e7ae47b69f09ef9"
}
