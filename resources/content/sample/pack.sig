{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "/bEIXJDFyoK/oMQLOSUDyLdb0OCuTRuJRYN6sLR31h6l6V/UNAYUvqcvycEaOmejkBH44rF+cSy79jDQCB6xAw==",
  "size": 136708,
  "sha256": "87c2ff97dc7b3d0ff8c1c5978bf16c64b2a4895282af5a2576fd4bcb624cd6b3"
}
