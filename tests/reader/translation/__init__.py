"""Tests of the translation core (real engine on the zh→en Argos 1.9 package)."""
