"""VideoConduit Desktop: a desktop client for the VideoConduit video-download API."""

__version__ = "0.1.0"
APP_NAME = "VideoConduit Desktop"
APP_ID = "com.videoconduit.Desktop"
