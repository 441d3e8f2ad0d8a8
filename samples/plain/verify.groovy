// The README's "Use Pactwire in your build" shows this sample's two poms: keep them the same.
def readme = new File(basedir, '../../../../README.md').text
['consumer', 'provider'].each { module ->
  def pom = new File(basedir, "${module}/pom.xml").text.trim()
  assert readme.contains(pom) : "README.md no longer shows samples/plain/${module}/pom.xml as it is"
}
