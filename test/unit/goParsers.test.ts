import { strict as assert } from 'assert';
import { parseGoDuration } from '../../server/src/engine/kops/goDuration';
import { portRangeError } from '../../server/src/engine/kops/goPortRange';
import { parseGoUrl } from '../../server/src/engine/kops/goUrl';
import { semverParseError, semverTolerantParseError } from '../../server/src/engine/kops/semverErrors';

/** The Go parsers behind the kops-components rules: a value Go reads must never be reported, one it rejects must be. */

describe('Go net/url.Parse as kops uses it', () => {
  it('finds scheme and host of ordinary URLs', () => {
    assert.deepEqual(parseGoUrl('https://api.internal.example.com'), { scheme: 'https', host: 'api.internal.example.com' });
    assert.deepEqual(parseGoUrl('HTTPS://user:pw@10.0.0.1:443/path?q=1#top'), { scheme: 'https', host: '10.0.0.1:443' });
    assert.deepEqual(parseGoUrl('http://[fd00::1]:6443'), { scheme: 'http', host: '[fd00::1]:6443' });
  });

  it('reads host:port without // as a scheme with an opaque rest, so there is no host', () => {
    assert.deepEqual(parseGoUrl('api.example.com:443'), { scheme: 'api.example.com', host: '' });
    assert.deepEqual(parseGoUrl('10.0.0.1'), { scheme: '', host: '' });
  });

  it('fails where Go fails, with its reason', () => {
    assert.deepEqual(parseGoUrl(':443'), { error: 'missing protocol scheme' });
    assert.deepEqual(parseGoUrl('1.2.3.4:443'), { error: 'first path segment in URL cannot contain colon' });
    assert.deepEqual(parseGoUrl('http://host:port'), { error: 'invalid port ":port" after host' });
    assert.deepEqual(parseGoUrl('http://[::1'), { error: "missing ']' in host" });
    assert.deepEqual(parseGoUrl('https://example.com/a%zzb'), { error: 'invalid URL escape "%zz"' });
    assert.deepEqual(parseGoUrl('https://exa mple.com'), { error: 'invalid character " " in host name' });
    assert.deepEqual(parseGoUrl('https://example.com/\u0007'), { error: 'net/url: invalid control character in URL' });
  });
});

describe('Go time.ParseDuration', () => {
  it('reads the forms Kubernetes durations are written in', () => {
    assert.equal(parseGoDuration('1h30m'), 5400e9);
    assert.equal(parseGoDuration('.5s'), 0.5e9);
    assert.equal(parseGoDuration('-2ms'), -2e6);
    assert.equal(parseGoDuration('1µs'), 1e3);
    assert.equal(parseGoDuration('0'), 0);
  });

  it('rejects what Go rejects', () => {
    for (const text of ['', '5', '1.5.3s', '1hx', '.s', 's']) assert.equal(parseGoDuration(text), undefined, text);
  });
});

describe('Kubernetes PortRange.Set', () => {
  it('accepts low-high, low+size and single ports', () => {
    for (const text of ['30000-32767', '30000+2767', '8080', ' 1-65535 ', '']) assert.equal(portRangeError(text), undefined, text);
  });

  it('gives the error text kops prints', () => {
    assert.equal(portRangeError('32767-30000'), 'end port cannot be less than start port: 32767-30000');
    assert.equal(portRangeError('60000-70000'), 'the port range cannot be greater than 65535: 60000-70000');
    assert.equal(portRangeError('foobar'), 'strconv.Atoi: parsing "foobar": invalid syntax');
    assert.equal(portRangeError('1-2+3'), 'unable to parse port range: 1-2+3');
  });
});

describe('blang/semver parse errors', () => {
  it('says nothing about versions that parse', () => {
    for (const text of ['1.7.0', '1.7.0-beta.1+build.5']) assert.equal(semverParseError(text), undefined, text);
    for (const text of ['v1.7', '1.07.01', ' 2.0.5 ']) assert.equal(semverTolerantParseError(text), undefined, text);
  });

  it('quotes the reason blang gives', () => {
    assert.equal(semverParseError('1.7'), 'No Major.Minor.Patch elements found');
    assert.equal(semverParseError('v1.7.0'), 'Invalid character(s) found in major number "v1"');
    assert.equal(semverParseError('1.07.0'), 'Minor number must not contain leading zeroes "07"');
    assert.equal(semverParseError('1.7.0-'), 'Prerelease is empty');
    assert.equal(semverTolerantParseError('1.7-rc'), 'Short version cannot contain PreRelease/Build meta data');
    assert.equal(semverTolerantParseError('latest'), 'Invalid character(s) found in major number "0latest"');
  });
});
