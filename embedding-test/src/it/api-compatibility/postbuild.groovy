// Each failing build failed for its own reason, not for any other.
def log = new File(basedir, 'build.log').text
assert log.contains('japicmp-maven-plugin:0.27.0:cmp') : 'japicmp did not run'
assert log.contains('There is at least one incompatibility') && log.contains('dev.apiserverpolicy.model.Severity:CLASS_REMOVED') : 'the type left out was not reported as a break'
assert log.contains('0.0.0-no-such-release') && log.contains('maven-dependency-plugin:3.8.1:copy (api-baseline)') : 'the missing baseline did not stop the build'
return true
