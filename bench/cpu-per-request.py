#!/usr/bin/env python3
"""CPU milliseconds per request, by process, under wrk's load on a running service.

   python3 bench/cpu-per-request.py URL WRK_SCRIPT SECONDS
   e.g. python3 bench/cpu-per-request.py http://127.0.0.1:8080/api/v1/scores bench/score.lua 20
        python3 bench/cpu-per-request.py http://127.0.0.1:8080/actuator/health bench/health.lua 20

Reads /proc for the service JVM (the process running mimamori-api.jar), mariadbd and the whole machine at the start
and the end of one wrk run (2 threads, 32 connections), and divides by the requests wrk counted. "other" is the rest
of the machine's busy time (mostly wrk). Warm the service up first (see docs/benchmarks.md).
"""
import subprocess,sys,time,re
def ticks(pid):
    f=open(f'/proc/{pid}/stat').read().rsplit(')',1)[1].split(); return int(f[11])+int(f[12])
def allbusy():
    v=list(map(int,open('/proc/stat').readline().split()[1:])); return sum(v)-v[3]-v[4]
def pid(pat):
    return int(subprocess.check_output(['pgrep','-f' if ' ' in pat or '.' in pat else '-x',pat]).split()[0])
url,lua,secs=sys.argv[1],sys.argv[2],int(sys.argv[3])
j=pid('mimamori-api.jar'); d=pid('mariadbd')
w=subprocess.Popen(['wrk','-t2','-c32',f'-d{secs}s','--latency','-s',lua,url],stdout=subprocess.PIPE,text=True)
time.sleep(0.5)
a=(ticks(j),ticks(d),ticks(w.pid),allbusy(),time.time())
out=w.communicate()[0]
b=(ticks(j),ticks(d),0,allbusy(),time.time())
m=re.search(r'requests=(\d+) duration_s=([\d.]+) rps=(\d+) p50_ms=([\d.]+) p99_ms=([\d.]+)',out)
n=int(m.group(1)); rps=int(m.group(3))
# wrk ticks: read at end impossible (exited); estimate from allbusy minus others
# /proc counts ticks of 10 ms (CLK_TCK 100)
J=(b[0]-a[0])*10; D=(b[1]-a[1])*10; A=(b[3]-a[3])*10
nn=rps*(b[4]-a[4])
print(f"rps={rps} p50={m.group(4)} p99={m.group(5)}  CPU ms/request: java {J/nn:.3f} mariadbd {D/nn:.3f} other(wrk..) {(A-J-D)/nn:.3f} all {A/nn:.3f}")
