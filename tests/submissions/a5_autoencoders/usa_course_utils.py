"""Trampa: delega la construcción del autoencoder en course_utils.models.

Debe fallar: test_build_conv_autoencoder
"""
# %% build_conv_autoencoder
from course_utils.models.autoencoders import build_convolutional_autoencoder

def build_conv_autoencoder(input_shape=(28, 28, 1), latent_channels=8):
    autoencoder, encoder, _ = build_convolutional_autoencoder(input_shape, latent_channels=latent_channels)
    return autoencoder, encoder
