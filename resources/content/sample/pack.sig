{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "kJ6Qt8wgAfrT3OxvXi6lefI3V0iHypVZtJNi/0EeNWaX1DktfdDVg98LiH/mUvQEetT/B62AfsxBPbkygIzlCA==",
  "size": 423190,
  "sha256": "c150fff1c866fe67bedb174aec30b4be0c2b36c12e6511534620227139d17676"
}
