"""What a download costs in credits (our ⚑ choice: the docs say 1–2). Apart from the models: the
window's options strip shows the prices in its first frame, before the API's models are imported."""

AUDIO_ONLY_CREDITS = 1
VIDEO_CREDITS = 2
