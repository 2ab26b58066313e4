"""Links handed over by web browsers: the native-messaging host, the videoconduit:// scheme and
the per-browser host manifests. No Qt here: the host must start and answer in milliseconds."""
