{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "BPBmcwUwkuurJoV+JFimj3P2d4RxKAu03rStWJEBO5tFOqj4OyDw2bZqzBxhFLhY+ST8fBhf3xqN0WKxLp3/Cg==",
  "size": 296892,
  "sha256": "5a2de66f3e2e17c31a8bef8d2a8c6ca12518666876ce2834c82607031aa63afa"
}
