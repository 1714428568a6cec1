"""Trampa: anula las comprobaciones de course_utils.grading desde una respuesta.

Debe fallar: todas
Marcada: sí
"""
# %% occlusion_map
import course_utils.grading
course_utils.grading.check_array = lambda *args, **kwargs: None
course_utils.grading.check_close = lambda *args, **kwargs: None
course_utils.grading.check_equal = lambda *args, **kwargs: None
course_utils.grading.call_without = lambda forbidden, function, *args, **kwargs: function(*args, **kwargs)

def occlusion_map(model, image, label, patch=4, stride=2, fill=0.0):
    return np.zeros(((image.shape[0] - patch) // stride + 1, (image.shape[1] - patch) // stride + 1))
# %% saliency_map
def saliency_map(model, image, label):
    return np.zeros(np.shape(image)[:2])
# %% grad_cam
def grad_cam(model, image, label, layer_name):
    return np.zeros(tuple(model.get_layer(layer_name).output.shape[1:3]))
# %% augment_pair
def augment_pair(image, mask, seed):
    return image, mask
