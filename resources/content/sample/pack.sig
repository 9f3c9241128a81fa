{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "jRLwEX91DCyRgMuEN/r18SJtLsVNiJUPbRjy2/PbfXu0u5byAAhyqqUAk+9nv/bNaLgE1sI8jsD8cFA0bz3xCQ==",
  "size": 140079,
  "sha256": "6e7b170ec826484e97375c3840319cc8d6100af2dd46fbcd22383d98c46bfb37"
}
