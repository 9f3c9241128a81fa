{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "iGdut7awfO8dApKw0Rs/sd1JNJkJ/ta1EZ8Yd/nWI8UD+aB9Of5Ri48DsaIMRoAFXw6hfaAsL0gP+FcGNtttDg==",
  "size": 373553,
  "sha256": "e01604f92b0703cd44b181b22f9098d98e6482a15e0c45479213064fae188d5e"
}
