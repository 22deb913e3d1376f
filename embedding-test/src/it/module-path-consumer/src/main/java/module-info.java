/** A consumer that names only the front door's module: the model's comes with it. */
module consumer {
  requires dev.apiserverpolicy.render;
}
