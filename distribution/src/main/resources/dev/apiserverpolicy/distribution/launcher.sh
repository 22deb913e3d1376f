#!/bin/sh
# apiserver-policy @VERSION@ (commit @COMMIT@): runs the bundled Java runtime.
# Needs only a POSIX shell (and readlink, when started through a link).
unset CDPATH
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self") || { echo "apiserver-policy: cannot follow the link $self" >&2; exit 3; }
  case $self in
    */*) dir=${self%/*} ;;
    *) dir=. ;;
  esac
  case $link in
    /*) self=$link ;;
    *) self=$dir/$link ;;
  esac
done
case $self in
  */*) bin=${self%/*} ;;
  *) bin=. ;;
esac
home=$(cd -P "$bin/.." && pwd -P) || exit 3
exec "$home/runtime/bin/java" -XX:+UseSerialGC -XX:MaxNewSize=64m -XX:TieredStopAtLevel=1 \
  -Xlog:disable \
  -XX:Tier3InvocationThreshold=20 -XX:Tier3MinInvocationThreshold=10 -XX:Tier3CompileThreshold=100 \
  -XX:Tier3BackEdgeThreshold=2000 \
  -XX:SharedArchiveFile="$home/lib/apiserver-policy.jsa" \
  -Dapiserverpolicy.commit=@COMMIT@ \
  -jar "$home/lib/apiserver-policy.jar" "$@"
