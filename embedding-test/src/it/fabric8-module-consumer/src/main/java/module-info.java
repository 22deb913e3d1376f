/** A fabric8 tool as a module, naming only our adapter. */
module consumer.fabric {
  requires dev.apiserverpolicy.fabric8;
}
