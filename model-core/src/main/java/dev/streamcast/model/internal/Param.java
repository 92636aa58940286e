package dev.streamcast.model.internal;

/** One weight tensor with its Keras name, shape, value and gradient buffer (both row-major, flat). */
public final class Param {
    public final String name;
    public final int[] shape;
    public final double[] value;
    public final double[] grad;

    public Param(String name, int[] shape, double[] value) {
        this.name = name;
        this.shape = shape.clone();
        this.value = value;
        this.grad = new double[value.length];
    }

    public int size() {
        return value.length;
    }

    public String shapeString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }
}
