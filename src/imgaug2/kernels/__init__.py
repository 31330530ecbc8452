"""Pure per-target kernels: no RNG, no augmenter instances, primitive arguments only."""

__all__: list[str] = []
