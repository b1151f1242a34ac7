#!/usr/bin/python3
"""scipy.optimize.root_scalar's bracketing methods on the 79 Alefeld-Potra-Shi cases of
tests/OptimizeGen.Tests/Roots/AlefeldPotraShiTests.cs (side-by-side reference, never a test dependency):
total function calls and failures per method.

    /usr/bin/python3 tests/OptimizeGen.Benchmarks/scipy/root_scalar_aps.py
"""
import math
from scipy.optimize import root_scalar
cases=[]
cases.append((lambda x: math.sin(x)-x/2, math.pi/2, math.pi))
for n in range(1,11):
    cases.append(((lambda n: lambda x: -2*sum((2*i-5)**2/(x-i*i)**3 for i in range(1,21)))(n), n*n+1e-9, (n+1)**2-1e-9))
for a,b in [(-40,-1),(-100,-2),(-200,-3)]:
    cases.append(((lambda a,b: lambda x: a*x*math.exp(b*x))(a,b), -9, 31))
for a in [0.2,1.0]:
    for n in [4,6,8,10,12]:
        cases.append(((lambda a,n: lambda x: x**n-a)(a,n), 0, 5))
cases.append((lambda x: math.sin(x)-0.5, 0, 1.5))
for n in [1,2,3,4,5,20,40,60,80,100]:
    cases.append(((lambda n: lambda x: 2*x*math.exp(-n)-2*math.exp(-n*x)+1)(n), 0, 1))
for n in [5,10,20]:
    cases.append(((lambda n: lambda x: (1+(1-n)**2)*x-(1-n*x)**2)(n), 0, 1))
for n in [2,5,10,15,20]:
    cases.append(((lambda n: lambda x: x*x-(1-x)**n)(n), 0, 1))
for n in [1,2,4,5,8,15,20]:
    cases.append(((lambda n: lambda x: (1+(1-n)**4)*x-(1-n*x)**4)(n), 0, 1))
for n in [1,5,10,15,20]:
    cases.append(((lambda n: lambda x: math.exp(-n*x)*(x-1)+x**n)(n), 0, 1))
for n in [2,5,15,20]:
    cases.append(((lambda n: lambda x: (n*x-1)/((n-1)*x))(n), 0.01, 1))
for n in [2,3,4,5,6,7,9,11,13,15,17,19,21,23,25,27,29,31,33]:
    cases.append(((lambda n: lambda x: x**(1.0/n)-n**(1.0/n))(n), 1, 100))
cases.append((lambda x: 0 if x==0 else x*math.exp(-1/(x*x)), -1, 4))
print(len(cases))
for m in ['brentq','brenth','ridder','bisect','toms748']:
    tot=0; fails=0
    for f,a,b in cases:
        r=root_scalar(f, bracket=[a,b], method=m, maxiter=500)
        tot+=r.function_calls; fails += not r.converged
    print(m, tot, fails)
