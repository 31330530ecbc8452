"""Tests of imgaug2.parameters."""
